/**
 * Views of the compiled catalog in one language, as the panel and the dashboard show them. Pure.
 */
import type { CompiledCatalog } from './compiled';
import { refuse } from '../model/errors';
import type { PageDescription, Shown } from '../model/views';
import { localise, type Lang, type LocalText } from '../i18n';

/** `form`: on one form of a multi-form portal, the artefact it serves; the description is then about that one. */
export function describePage(catalog: CompiledCatalog, pageId: string, lang: Lang, form?: string): PageDescription {
  const page = catalog.pages.find((p) => p.id === pageId);
  if (!page) refuse('unknown.page', { page: pageId });
  const portal = catalog.portals.find((p) => p.id === page.portal)!;
  const show = (t: LocalText): Shown => localise(t, lang);
  const servedIds = [...new Set(page.serves.map((s) => s.artefact))];
  const formArtefact = form !== undefined && servedIds.includes(form) ? catalog.artefacts.find((a) => a.id === form) : undefined;
  const artefactIds = formArtefact ? [formArtefact.id] : servedIds;
  return {
    page: page.id,
    pageTitle: show(page.title),
    portal: portal.id,
    portalName: show(portal.name),
    role: page.role,
    ...(formArtefact ? { form: { artefact: formArtefact.id, title: show(formArtefact.title) } } : {}),
    ...(page.explains ? { explains: show(page.explains) } : {}),
    artefacts: artefactIds.map((artefactId) => {
      const artefact = catalog.artefacts.find((a) => a.id === artefactId)!;
      const served = new Set(page.serves.filter((s) => s.artefact === artefactId).map((s) => s.source));
      return {
        id: artefact.id,
        title: show(artefact.title),
        sources: artefact.sources
          .filter((s) => served.has(s.id))
          .map((s) => ({
            id: s.id,
            label: show(s.label),
            kind: s.kind,
            agentDoes: show(s.agent_does),
            userDoes: show(s.user_does),
            toResume: show(s.to_resume),
            confirmedByUser: s.confirmed_by_user,
          })),
      };
    }),
    capture: page.capture.map((c) => ({ id: c.id, label: show(c.label), kind: c.kind })),
    ...(page.guide.length > 0
      ? {
          guide: page.guide.map((step) => ({
            id: step.id,
            when: step.when,
            explain: show(step.explain),
            highlightService: step.highlight_service,
            fields: step.fields.map((f) => ({ selector: f.selector, explain: show(f.explain) })),
            confirmation: step.confirmation,
          })),
        }
      : {}),
  };
}
