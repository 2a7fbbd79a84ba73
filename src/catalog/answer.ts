/**
 * The catalog CLI's `recognise` answer, as a function: the corpus test calls it directly, so the CLI
 * and the recogniser cannot drift apart without a test noticing.
 */
import type { CompiledCatalog } from './compiled';
import { recognise, type PageProbe, type RecognitionIndex } from '../recognise';

export interface RecognitionAnswer {
  page: string;
  portal: string;
  /** The one artefact this form serves, when the page is one form of a multi-form portal. */
  form?: string;
  /** The commune whose own site this is (its e-guichet tenant, its website). */
  commune?: string;
  artefacts: string[];
  sources: string[];
}

export function answerFor(compiled: CompiledCatalog, index: RecognitionIndex, url: string, probe?: PageProbe): RecognitionAnswer[] {
  const pages = new Map(compiled.pages.map((p) => [p.id, p]));
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const commune = compiled.hostCommunes[host];
  return recognise(index, url, probe).map(({ page, portal, form }) => {
    const serves = pages.get(page)!.serves.filter((s) => !form || s.artefact === form);
    return {
      page,
      portal,
      ...(form ? { form } : {}),
      ...(commune ? { commune } : {}),
      artefacts: [...new Set(serves.map((s) => s.artefact))],
      sources: [...new Set(serves.flatMap((s) => (s.source ? [`${s.artefact}/${s.source}`] : [])))],
    };
  });
}
