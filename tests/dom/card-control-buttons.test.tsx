import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
import { controlProps, rescueSwallowedControls } from '@/page/card/control-activation';
import { TermCard } from '@/page/card/TermCard';
import { UndoNotice } from '@/page/card/UndoNotice';
import { explainTerm } from '@/utils/term-explanation';

const explanationOf = (id: string) => {
  const entry = glossary.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(id);
  return explainTerm(entry, seriesParts, glossary);
};

const controls = (overrides = {}) => ({
  onPauseSite: vi.fn(),
  onHideTerm: vi.fn(),
  busy: false,
  error: null,
  ...overrides,
});

describe("the card's controls", () => {
  afterEach(cleanup);

  it('offers "Not on this site" and "Hide this term", named for the term, before the close button', () => {
    const given = controls();
    render(
      <TermCard explanation={explanationOf('ketamine')} onReadMore={() => {}} onClose={() => {}} controls={given} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Not on this site' }));
    expect(given.onPauseSite).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Hide this term: Ketamine' }));
    expect(given.onHideTerm).toHaveBeenCalledOnce();
    const names = screen
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label') ?? button.textContent);
    expect(names.slice(-3)).toEqual(['Not on this site', 'Hide this term: Ketamine', 'Close']);
  });

  it('waits while a change is under way, and says why one was not kept', () => {
    render(
      <TermCard
        explanation={explanationOf('ketamine')}
        onReadMore={() => {}}
        controls={controls({ busy: true, error: 'Could not save: sync storage is full. Your change was not kept.' })}
      />,
    );
    expect((screen.getByRole('button', { name: 'Not on this site' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not save: sync storage is full. Your change was not kept.',
    );
  });

  it('has none without controls (the first-run page)', () => {
    render(<TermCard explanation={explanationOf('ketamine')} onReadMore={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Not on this site' })).toBeNull();
  });

  it.each([
    ['small', 'small'],
    ['large', 'large'],
    [undefined, 'normal'],
  ] as const)('text size %s shows as %s', (size, shown) => {
    const { container } = render(
      <TermCard explanation={explanationOf('ssri')} onReadMore={() => {}} textSize={size} />,
    );
    expect(container.querySelector('.term-card')?.getAttribute('data-size')).toBe(shown);
  });
});

describe('the undo notice', () => {
  afterEach(cleanup);

  it('says what happened, with Undo and a way to dismiss it, as a status', () => {
    const onUndo = vi.fn();
    const onClose = vi.fn();
    const onHold = vi.fn();
    render(
      <UndoNotice
        text="Highlighting is off on example.org"
        detail="Saved on this device only: sync storage is full."
        onUndo={onUndo}
        onClose={onClose}
        onHold={onHold}
      />,
    );
    const notice = screen.getByRole('status');
    expect(notice.textContent).toMatch(/^Highlighting is off on example\.org — UndoSaved on this device only/u);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledOnce();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
    fireEvent.pointerEnter(notice);
    expect(onHold).toHaveBeenLastCalledWith(true);
    fireEvent.pointerLeave(notice);
    expect(onHold).toHaveBeenLastCalledWith(false);
  });

  it('has no Undo once undone', () => {
    render(
      <UndoNotice
        text="Highlighting is back on example.org"
        detail={null}
        onUndo={null}
        onClose={() => {}}
        onHold={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });
});

/** A context whose listeners and timers are real, and go with it. */
function testContext() {
  const controller = new AbortController();
  return {
    ctx: {
      isInvalid: false,
      isValid: true,
      addEventListener: (
        target: EventTarget,
        type: string,
        handler: EventListener,
        options?: AddEventListenerOptions,
      ) => target.addEventListener(type, handler, { ...options, signal: controller.signal }),
      setTimeout: (handler: () => void, ms: number) => window.setTimeout(handler, ms),
    } as unknown as ContentScriptContext,
    stop: () => controller.abort(),
  };
}

describe('controls on a page that swallows clicks and cancels taps', () => {
  let stop: () => void;
  let swallow: (event: Event) => void;
  beforeEach(() => {
    const context = testContext();
    stop = context.stop;
    rescueSwallowedControls(context.ctx, () => true);
    // The page's own listener, in the capture phase on the document: nothing goes further.
    swallow = (event) => event.stopPropagation();
    document.addEventListener('click', swallow, true);
  });
  afterEach(() => {
    document.removeEventListener('click', swallow, true);
    stop();
    cleanup();
    vi.useRealTimers();
  });

  it('runs a control whose click the page stopped, once', async () => {
    const action = vi.fn();
    render(
      <button type="button" {...controlProps(action)}>
        Hide this term
      </button>,
    );
    screen.getByRole('button').click();
    expect(action).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(action).toHaveBeenCalledOnce();
  });

  it('runs a control once when its click got through', async () => {
    document.removeEventListener('click', swallow, true);
    const action = vi.fn();
    render(
      <button type="button" {...controlProps(action)}>
        Undo
      </button>,
    );
    screen.getByRole('button').click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(action).toHaveBeenCalledOnce();
  });

  it('runs a control tapped on a page that cancels touchstart (no click follows), once', async () => {
    const action = vi.fn();
    render(
      <button type="button" {...controlProps(action)}>
        Not on this site
      </button>,
    );
    const button = screen.getByRole('button');
    const press = (type: string) =>
      button.dispatchEvent(
        new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch', pointerId: 3 }),
      );
    press('pointerdown');
    press('pointerup');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(action).toHaveBeenCalledOnce();
    // A click that comes late after the tap is the same press.
    document.removeEventListener('click', swallow, true);
    button.click();
    expect(action).toHaveBeenCalledOnce();
  });

  it('leaves clicks elsewhere alone', async () => {
    const action = vi.fn();
    render(
      <div>
        <button type="button" {...controlProps(action)}>
          Undo
        </button>
        <button type="button">The page's own</button>
      </div>,
    );
    screen.getByRole('button', { name: "The page's own" }).click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(action).not.toHaveBeenCalled();
  });
});
