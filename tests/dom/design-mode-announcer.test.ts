import { afterEach, describe, expect, it } from 'vitest';
import { announceDesignModeChanges, DESIGN_MODE_CHANGED } from '@/page/signals/design-mode-announcer';

/** A document's design mode as browsers keep it: "on" or "off", other values ignored. */
class ModeKeeper extends EventTarget {
  private mode = 'off';
  get designMode(): string {
    return this.mode;
  }
  set designMode(value: string) {
    if (value === 'refuse') throw new Error('refused by the browser');
    if (value === 'on' || value === 'off') this.mode = value;
  }
}
announceDesignModeChanges(ModeKeeper.prototype as unknown as Document);

const afterMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));
let keeper = new ModeKeeper();
let heard = 0;
const listen = () => {
  keeper = new ModeKeeper();
  heard = 0;
  keeper.addEventListener(DESIGN_MODE_CHANGED, () => heard++);
};

afterEach(listen);
listen();

describe('announceDesignModeChanges', () => {
  it.each([
    ['switched on', ['on'], 1, 'on'],
    ['switched on and off', ['on', 'off'], 2, 'off'],
    ['set to what it already is', ['off'], 0, 'off'],
    ['given a value the browser ignores', ['sideways'], 0, 'off'],
  ])('announces a change when %s, and only then', async (_name, values, changes, mode) => {
    for (const value of values) keeper.designMode = value;
    expect(keeper.designMode).toBe(mode);
    await afterMicrotasks();
    expect(heard).toBe(changes);
  });

  it('lets the browser’s errors reach the page as before', async () => {
    expect(() => {
      keeper.designMode = 'refuse';
    }).toThrow('refused by the browser');
    await afterMicrotasks();
    expect(heard).toBe(0);
  });

  it('leaves a prototype without the property alone', () => {
    const bare = {} as Document;
    announceDesignModeChanges(bare);
    expect(Object.getOwnPropertyDescriptor(bare, 'designMode')).toBeUndefined();
  });
});
