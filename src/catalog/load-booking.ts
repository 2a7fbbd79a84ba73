/**
 * The catalog checks of booking: every channel's platform, tenant and services resolve, every
 * procedure's consulate exists, a platform's examples are recognised, an http-only platform is never
 * guided in the page, and a guided platform has a fixture and one confirmation step. Node-only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, CatalogIssue } from './types';
import type { Kind, BookingChannel } from './schema';
import { TENANT, tenantHosts } from './platforms';
import { hostMatches, pathMatches } from '../recognise';

type Issue = CatalogIssue & { ref?: string };

export function checkBooking(catalog: Catalog, fileOf: (kind: Kind, id: string) => string, repoRoot?: string): Issue[] {
  const issues: Issue[] = [];
  const procedures = new Map(catalog.procedures.map((p) => [p.id, p]));
  const platforms = new Map(catalog.platforms.map((p) => [p.id, p]));

  for (const platform of catalog.platforms) {
    const file = fileOf('booking-platforms', platform.id);
    if (platform.in_page && platform.scheme === 'http') {
      issues.push({ file, path: 'in_page', message: 'an http-only site is never guided in the page (nothing personal on an unencrypted page): guide from the dashboard' });
    }
    if (platform.in_page) {
      if (platform.hosts.length === 0 || platform.examples.length === 0) issues.push({ file, path: 'hosts', message: 'a platform guided in the page needs its hosts and an example address' });
      if (!platform.fixture) issues.push({ file, path: 'fixture', message: 'a platform guided in the page needs a demo fixture modelled on its evidence' });
      if (platform.steps.filter((s) => s.confirmation).length !== 1) issues.push({ file, path: 'steps', message: 'a platform guided in the page needs exactly one confirmation step' });
      if (!platform.steps.some((s) => s.service)) issues.push({ file, path: 'steps', message: 'a platform guided in the page needs the step where the service is picked' });
    }
    platform.steps.forEach((step, i) => {
      if (!step.headings && !step.selector) issues.push({ file, path: `steps[${i}]`, message: 'a step needs headings or a selector to be recognised' });
    });
    if (platform.fixture && repoRoot && !existsSync(join(repoRoot, platform.fixture))) {
      issues.push({ file, path: 'fixture', message: `fixture ${platform.fixture} does not exist` });
    }
    platform.examples.forEach((example, j) => {
      const url = new URL(example);
      const hostOk = platform.hosts.some((h) => (h.includes(TENANT) ? new RegExp(`^${h.replace(/\./g, '\\.').replace(TENANT, '[a-z0-9-]+')}$`).test(url.hostname) : hostMatches(h, url.hostname)));
      if (!hostOk || !platform.paths.some((p) => pathMatches(p, url.pathname))) {
        issues.push({ file, path: `examples[${j}]`, message: `example ${example} does not match the platform's hosts and paths` });
      }
    });
  }

  const checkChannels = (kind: Kind, owner: string, channels: BookingChannel[]) => {
    const file = fileOf(kind, owner);
    channels.forEach((channel, i) => {
      const at = `booking[${i}]`;
      if (channel.platform) {
        const platform = platforms.get(channel.platform);
        if (!platform) issues.push({ file, path: `${at}.platform`, message: `unknown booking platform "${channel.platform}"`, ref: `booking-platforms:${channel.platform}` });
        else if (!tenantHosts(platform, channel.tenant)) issues.push({ file, path: `${at}.tenant`, message: `platform "${platform.id}" needs the tenant of ${owner}` });
        if (channel.kind !== 'online') issues.push({ file, path: `${at}.kind`, message: 'a platform channel is an online one' });
      } else if (channel.tenant) issues.push({ file, path: `${at}.tenant`, message: 'a tenant only makes sense with a platform' });
      if ((channel.kind === 'online' || channel.kind === 'request-form') && !/^https?:\/\//.test(channel.value)) {
        issues.push({ file, path: `${at}.value`, message: 'an online channel or request form is an address (https://…, or http://… as it was seen)' });
      }
      channel.services.forEach((s, j) => {
        const procedure = procedures.get(s.for);
        if (!procedure) issues.push({ file, path: `${at}.services[${j}].for`, message: `unknown procedure "${s.for}"`, ref: `procedures:${s.for}` });
        else if (s.visit && !procedure.visits.some((v) => v.id === s.visit)) {
          issues.push({ file, path: `${at}.services[${j}].visit`, message: `procedure "${s.for}" has no visit "${s.visit}"` });
        }
      });
    });
  };
  for (const commune of catalog.communes) checkChannels('communes', commune.id, commune.booking);
  for (const consulate of catalog.consulates) checkChannels('consulates', consulate.id, consulate.booking);

  const consulates = new Set(catalog.consulates.map((c) => c.id));
  for (const procedure of catalog.procedures) {
    if (procedure.consulate && !consulates.has(procedure.consulate)) {
      issues.push({ file: fileOf('procedures', procedure.id), path: 'consulate', message: `unknown consulate "${procedure.consulate}"`, ref: `consulates:${procedure.consulate}` });
    }
  }
  return issues;
}
