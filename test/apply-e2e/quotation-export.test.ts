/** `orderform quotation export`: the PDF of the quotation a reviewer decides, found from state or at the vendor. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoiNameOf, cli, configYaml, tempDir, writeConfig } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

describe('orderform quotation export', () => {
  it('writes the quotation PDF of a Pléiades Neo order, also when state lost it, and the markdown plan tells the reviewer how', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['n'], legacy: ['l'] });
    const notYet = await cli(['quotation', 'export', 'orders.n'], dir, sb().env);
    expect(notYet.code).toBe(1);
    expect(notYet.err).toContain('QUOTATION_NOT_REQUESTED');
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);

    sb().resetCalls();
    const r = await cli(['quotation', 'export', 'orders.n', '--out', 'n.pdf'], dir, sb().env);
    expect(r.code, r.err).toBe(0);
    const quotationId = /Quotation (QUO\S+)/.exec(r.out)![1]!;
    const pdf = readFileSync(join(dir, 'n.pdf'));
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(sb().calls()['GET /api/v1/quotations/{quotationId}/export']).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});

    writeFileSync(join(dir, 'orders.yaml'), configYaml({ neo: ['n'], legacy: ['l'], decisions: { d: ['n', 'accept', 100_000] } }, aoiNameOf(dir)));
    const md = await cli(['plan', '--output', 'markdown'], dir, sb().env);
    expect(md.out).toContain('**Quotations to decide**');
    expect(md.out).toContain(`\`quotations.d\` (accept, quotation ${quotationId}): \`orderform quotation export quotations.d --out quotations.d.pdf\``);
    const viaDecision = await cli(['quotation', 'export', 'quotations.d', '--out', 'd.pdf'], dir, sb().env);
    expect(viaDecision.code, viaDecision.err).toBe(0);
    expect(readFileSync(join(dir, 'd.pdf')).equals(pdf)).toBe(true);

    // A CI runner without state: the quotation is found at the vendor by the order's customerReference.
    expect((await cli(['state', 'rm', 'orders.n'], dir, sb().env)).code).toBe(0);
    const again = await cli(['quotation', 'export', 'orders.n'], dir, sb().env);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, `${quotationId}.pdf`)).equals(pdf)).toBe(true);

    const legacy = await cli(['quotation', 'export', 'orders.l'], dir, sb().env);
    expect(legacy.code).toBe(1);
    expect(legacy.err).toContain('NOT_A_QUOTATION');
  });
});
