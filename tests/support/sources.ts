/**
 * The project's own code as the least-privilege tests see it: every TypeScript file under entrypoints/
 * and src/ except tests and generated data, with its comments removed by the TypeScript scanner so
 * that a check looks at code, not at a comment that names an API.
 */
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface SourceFile {
  /** Path relative to the repository root. */
  file: string;
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
      return { file: relative(ROOT, path), code: withoutComments(text, /x$/.test(path)) };
    }),
  );
}
