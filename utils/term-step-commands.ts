/** Reading a page from the keyboard: step to the next or the previous highlighted term. */
export type TermDirection = 'next' | 'previous';

interface TermCommand {
  direction: TermDirection;
  /** The default shortcut (the user can change it in the browser's extension shortcut settings). */
  shortcut: string;
  description: string;
}

/**
 * The keyboard commands for stepping through a page's terms, by manifest command name. A suggested
 * key needs Ctrl or Alt, and Chromium silently leaves a command without a shortcut when its
 * suggestion is one of the browser's own (Alt+Shift+N and Alt+Shift+P are), so the defaults are
 * Alt+Shift+J and Alt+Shift+K: next and previous, as J and K are on many sites.
 */
export const TERM_STEP_COMMANDS: Readonly<Record<string, TermCommand>> = {
  'next-term': {
    direction: 'next',
    shortcut: 'Alt+Shift+J',
    description: 'Explain the next highlighted term on the page',
  },
  'previous-term': {
    direction: 'previous',
    shortcut: 'Alt+Shift+K',
    description: 'Explain the previous highlighted term on the page',
  },
};

/** The direction a command steps in; null for any other command. */
export function termStepDirection(command: string): TermDirection | null {
  return Object.hasOwn(TERM_STEP_COMMANDS, command) ? (TERM_STEP_COMMANDS[command]?.direction ?? null) : null;
}

/** The manifest's `commands` entries for the term commands. */
export function termStepCommandsManifest(): Record<
  string,
  { suggested_key: { default: string }; description: string }
> {
  return Object.fromEntries(
    Object.entries(TERM_STEP_COMMANDS).map(([name, command]) => [
      name,
      { suggested_key: { default: command.shortcut }, description: command.description },
    ]),
  );
}
