/**
 * The project's own code as the safety and least-privilege tests see it: every TypeScript file under
 * entrypoints/ and src/ except tests and generated data, parsed with the TypeScript compiler so that
 * checks look at code, not at comments or at the words inside strings.
 */
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface SourceFile {
  /** Path relative to the repository root. */
  file: string;
  ast: ts.SourceFile;
  /** The code with every comment removed (strings kept), for simple searches. */
  code: string;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : walk(path);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(name) && !/\.(test|spec)\.[jt]sx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code without its comments (strings kept). */
export function withoutComments(text: string, jsx: boolean): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  let out = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) out += ' ';
    else out += scanner.getTokenText();
  }
  return out;
}

export function projectSources(): SourceFile[] {
  return ['entrypoints', 'src'].flatMap((dir) =>
    walk(join(ROOT, dir)).map((path) => {
      const text = readFileSync(path, 'utf8');
      const jsx = /x$/.test(path);
      const ast = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      return { file: relative(ROOT, path), ast, code: withoutComments(text, jsx) };
    }),
  );
}

/** Every node of a file, depth first. */
export function* nodes(node: ts.Node): Generator<ts.Node> {
  yield node;
  for (const child of node.getChildren()) yield* nodes(child);
}

/** `file:line` of a node, for failure messages. */
export function where(source: SourceFile, node: ts.Node): string {
  const { line } = source.ast.getLineAndCharacterOfPosition(node.getStart());
  return `${source.file}:${line + 1}`;
}
