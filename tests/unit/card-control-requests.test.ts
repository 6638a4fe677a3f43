import { describe, expect, it, vi } from 'vitest';
import { cardControlRequests } from '@/page/card/card-control-requests';

const change = { added: { scope: 'domain', pattern: 'example.org', enabled: false }, removed: [] } as const;

/** A fake `sendMessage` answering each message name as the background would. */
function sendWith(answers: Record<string, unknown>) {
  return vi.fn(async (name: string) => {
    const answer = answers[name];
    if (answer instanceof Error) throw answer;
    return answer;
  }) as never;
}

const here = () => ({ host: 'www.example.org', path: '/health/a' });

describe("the card's requests to the background", () => {
  it('"Not on this site": says where, and Undo says it is back', async () => {
    const send = sendWith({
      pauseSite: { saved: true, savedLocally: null, change },
      undoSitePause: { saved: true, savedLocally: null },
    });
    const result = await cardControlRequests(send, here).pauseSite();
    expect(result).toMatchObject({ done: true, notice: 'Highlighting is off on example.org', detail: null });
    if (!result.done || !result.undo) throw new Error('no undo');
    expect(await result.undo()).toEqual({
      done: true,
      notice: 'Highlighting is back on example.org',
      detail: null,
      undo: null,
    });
    expect((send as ReturnType<typeof vi.fn>).mock.calls).toEqual([
      ['pauseSite', here()],
      ['undoSitePause', change],
    ]);
  });

  it('passes on where a change went when sync refused it', async () => {
    const send = sendWith({
      pauseSite: { saved: true, savedLocally: 'Saved on this device only: sync storage is full.', change },
    });
    expect(await cardControlRequests(send, here).pauseSite()).toMatchObject({
      done: true,
      detail: 'Saved on this device only: sync storage is full.',
    });
  });

  it.each([
    [
      'nothing was kept',
      { saved: false, reason: 'Could not save: x. Your change was not kept.' },
      /^Could not save: x/u,
    ],
    [
      'the background did not answer',
      new Error('Could not establish connection'),
      /^Nothing was changed: the extension did not answer/u,
    ],
  ])('says why nothing changed when %s', async (_what, answer, reason) => {
    const result = await cardControlRequests(sendWith({ pauseSite: answer, setTermHidden: answer }), here).pauseSite();
    expect(result.done).toBe(false);
    if (!result.done) expect(result.reason).toMatch(reason);
    const hidden = await cardControlRequests(sendWith({ setTermHidden: answer }), here).hideTerm('ssri', 'SSRI');
    expect(hidden.done).toBe(false);
  });

  it('a page with no address a rule can name is not switched', async () => {
    const send = sendWith({});
    expect(await cardControlRequests(send, () => null).pauseSite()).toEqual({
      done: false,
      reason: 'Highlighting cannot be switched off for this page.',
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('"Hide this term": names the term, and Undo shows it again', async () => {
    const send = sendWith({ setTermHidden: { saved: true, savedLocally: null } });
    const result = await cardControlRequests(send, here).hideTerm('ssri', 'SSRI');
    expect(result).toMatchObject({ done: true, notice: '“SSRI” is no longer highlighted anywhere' });
    if (!result.done || !result.undo) throw new Error('no undo');
    expect(await result.undo()).toMatchObject({ done: true, notice: '“SSRI” is highlighted again' });
    expect((send as ReturnType<typeof vi.fn>).mock.calls).toEqual([
      ['setTermHidden', { termId: 'ssri', hidden: true }],
      ['setTermHidden', { termId: 'ssri', hidden: false }],
    ]);
  });
});
