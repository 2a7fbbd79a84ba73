/**
 * The layer rules of eslint.config.js can fail: an import that runs the wrong way between rooms is
 * reported, and one that follows the layers is not. Each case lints one import line as if it were
 * written in a file of the named room (the imported modules are real files of the tree).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { ROOT } from '../support/sources';

describe('the layer rules', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  async function layerFindings(file: string, code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').length;
  }

  it('report imports that run the wrong way', async () => {
    const wrong: Array<[string, string]> = [
      ['src/model/sample.ts', `import '../i18n';`],
      ['src/i18n/sample.ts', `import '../dossier/flow';`],
      ['src/dossier/sample.ts', `import '../messaging/protocol';`],
      ['src/dossier/sample.ts', `import '../store/db';`],
      ['src/messaging/protocol.ts', `import '../dossier/flow';`],
      ['src/store/sample.ts', `import '../dashboard/App';`],
      ['src/background/sample.ts', `import '../panel/Panel';`],
      ['src/panel/sample.ts', `import '../store/db';`],
      ['src/panel/sample.ts', `import '../background/index';`],
      ['src/panel/sample.ts', `import '../dashboard/App';`],
      ['entrypoints/portal.content/sample.ts', `import '../../src/export/pdf';`],
      ['src/export/sample.ts', `import '../dashboard/App';`],
      ['src/dashboard/sample.ts', `import '../welcome/install';`],
      ['src/dossier/sample.ts', `import '../../entrypoints/background';`],
      ['src/dossier/sample.ts', `import '../../tests/support/sources';`],
    ];
    for (const [file, code] of wrong) expect(await layerFindings(file, code), `${file}: ${code}`).toBeGreaterThan(0);
  });

  it('accept imports that follow the layers', async () => {
    const right: Array<[string, string]> = [
      ['src/i18n/sample.ts', `import '../model/data';`],
      ['src/dossier/sample.ts', `import '../catalog/compiled';`],
      ['src/messaging/protocol.ts', `import '../model/data';`],
      ['src/store/sample.ts', `import '../model/data';`],
      ['src/background/sample.ts', `import '../store/db';`],
      ['src/panel/sample.ts', `import '../recognise';`],
      ['src/dashboard/sample.ts', `import '../export/pdf';`],
      ['entrypoints/sample.ts', `import '../src/store/db';`],
      ['src/store/sample.test.ts', `import '../../tests/support/sources';`],
    ];
    for (const [file, code] of right) expect(await layerFindings(file, code), `${file}: ${code}`).toBe(0);
  });
});
