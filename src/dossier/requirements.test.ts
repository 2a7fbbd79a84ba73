import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateTree, neededArtefacts } from './requirements';
import type { Procedure } from '../catalog/compiled';
import type { Status } from '../model/data';

const procedure = {
  id: 'p',
  title: { fr: 'P' },
  authority: { fr: 'A' },
  legal_basis: 'x',
  regions: ['federal'],
  questions: [
    { id: 'born-abroad', kind: 'boolean', label: { fr: 'Né à l’étranger ?' } },
    { id: 'years', kind: 'number', label: { fr: 'Années ?' } },
  ],
  eligibility: [],
  fees: [],
  delays: [],
  visits: [],
  notes: [],
  provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
  last_verified: '2026-11-23',
  requirements: {
    id: 'root',
    allOf: [
      { id: 'id', artefact: 'id-copy' },
      { id: 'birth', label: { fr: 'Naissance' }, when: { fact: 'born-abroad', equals: true }, oneOf: [
        { id: 'birth-cert', artefact: 'birth-certificate' },
        { id: 'cgra', artefact: 'cgra-certificate' },
      ] },
      { id: 'work', when: { fact: 'years', at_least: 5 }, artefact: 'work-proof' },
    ],
  },
} as unknown as Procedure;

describe('evaluateCondition', () => {
  it('uses three-valued logic for unanswered questions', () => {
    expect(evaluateCondition({ fact: 'years', at_least: 5 }, {})).toBeUndefined();
    expect(evaluateCondition({ all: [{ fact: 'a', equals: true }, { fact: 'b', equals: true }] }, { a: false })).toBe(false);
    expect(evaluateCondition({ any: [{ fact: 'a', equals: true }, { fact: 'b', equals: true }] }, { b: true })).toBe(true);
    expect(evaluateCondition({ not: { fact: 'a', in: ['x', 'y'] } }, { a: 'y' })).toBe(false);
    expect(evaluateCondition({ fact: 'years', below: 5 }, { years: 4 })).toBe(true);
    expect(evaluateCondition({ fact: 'years', at_least: 5 }, { years: 'many' })).toBe(false);
  });
});

describe('neededArtefacts', () => {
  it('follows conditions and offers every alternative until one is chosen', () => {
    const open = neededArtefacts(procedure, { answers: { 'born-abroad': true, years: 3 }, choices: {} });
    expect(open.map((n) => [n.artefact, n.alternative])).toEqual([
      ['id-copy', false],
      ['birth-certificate', true],
      ['cgra-certificate', true],
    ]);
    expect(open[1]?.requirement).toEqual({ fr: 'Naissance' });
    const chosen = neededArtefacts(procedure, { answers: { 'born-abroad': true, years: 7 }, choices: { birth: 'cgra' } });
    expect(chosen.map((n) => n.artefact)).toEqual(['id-copy', 'cgra-certificate', 'work-proof']);
  });
  it('marks documents that hang on an unanswered question as uncertain', () => {
    const needs = neededArtefacts(procedure, { answers: {}, choices: {} });
    expect(needs.filter((n) => n.uncertain).map((n) => n.artefact)).toEqual(['birth-certificate', 'cgra-certificate', 'work-proof']);
  });
});

describe('evaluateTree', () => {
  it('is done only when every applicable part, or the chosen alternative, is settled', () => {
    const statuses: Record<string, Status> = { 'id-copy': 'obtained', 'birth-certificate': 'in-progress', 'cgra-certificate': 'submitted' };
    const facts = { answers: { 'born-abroad': true, years: 2 }, choices: { birth: 'birth-cert' } };
    const tree = evaluateTree(procedure, facts, (a) => statuses[a]);
    expect(tree.status).toBe('open');
    expect(tree.children[1]).toMatchObject({ kind: 'oneOf', chosen: 'birth-cert', status: 'open' });
    expect(tree.children[2]).toMatchObject({ applies: false });
    const other = evaluateTree(procedure, { ...facts, choices: { birth: 'cgra' } }, (a) => statuses[a]);
    expect(other.status).toBe('done');
  });
});
