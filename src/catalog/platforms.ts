/**
 * Where a booking channel lives: a platform's hosts with the commune's or consulate's `{tenant}` filled
 * in, else the host of the channel's own address. Pure and zod-free, shared by the catalog checks, the
 * compile step (manifest hosts, recognition) and the booking core (which dossiers book on this page).
 */
import type { BookingChannel, BookingPlatform } from './schema-booking';

export const TENANT = '{tenant}';

/** The platform's hosts for one tenant; undefined when a host needs a tenant and the channel gives none. */
export function tenantHosts(platform: Pick<BookingPlatform, 'hosts'>, tenant: string | undefined): string[] | undefined {
  if (platform.hosts.some((h) => h.includes(TENANT)) && !tenant) return undefined;
  return platform.hosts.map((h) => h.replace(TENANT, tenant ?? ''));
}

/** The hosts a channel books on: its platform's (tenant filled), else its own address's. */
export function channelHosts(channel: Pick<BookingChannel, 'kind' | 'value' | 'platform' | 'tenant'>, platforms: ReadonlyArray<Pick<BookingPlatform, 'id' | 'hosts'>>): string[] {
  if (channel.kind !== 'online') return [];
  const platform = channel.platform ? platforms.find((p) => p.id === channel.platform) : undefined;
  if (platform) return tenantHosts(platform, channel.tenant) ?? [];
  try {
    return [new URL(channel.value).hostname];
  } catch {
    return [];
  }
}
