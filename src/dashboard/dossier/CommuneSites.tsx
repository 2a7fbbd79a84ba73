/**
 * Be Civic's access to the dossier's commune's own sites (its e-guichet, its product pages): asked for
 * here, in the user's click, for exactly the origins that commune needs, never at install. Once
 * granted, the background registers the panel there on the catalog's paths only.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { communeSites } from '../../catalog/sites';
import { hostOfPattern } from '../../booking/core/origins';
import { useDashboard } from '../context';

export function CommuneSites({ commune }: { commune: string | undefined }) {
  const { t, catalog, act } = useDashboard();
  const { origins } = commune ? communeSites(catalog, commune) : { origins: [] };
  const [granted, setGranted] = useState<boolean | undefined>();
  useEffect(() => {
    if (origins.length === 0) return;
    void browser.permissions.contains({ origins }).then(setGranted, () => setGranted(false));
  }, [origins.join()]);
  if (origins.length === 0) return null;
  const hosts = [...new Set(origins.map(hostOfPattern))].join(', ');
  return (
    <p class="commune-sites" data-commune-sites={commune}>
      {granted ? (
        t.siteAllowed(hosts)
      ) : (
        <button
          type="button"
          onClick={() =>
            // Asked in the click itself: browsers grant optional host access only in a user gesture.
            act(async () => {
              const ok = await browser.permissions.request({ origins });
              setGranted(ok);
              return ok;
            })
          }
        >
          {t.allowSite(hosts)}
        </button>
      )}
    </p>
  );
}
