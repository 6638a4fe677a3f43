import { useState } from 'preact/hooks';
import {
  CARD_TEXT_SIZES,
  CARD_TRIGGER_KEYS,
  CARD_TRIGGERS,
  type CardTextSize,
  type CardTrigger,
  type HighlightPreferences,
  HOVER_DELAY_RANGE,
  isHoverDelay,
} from '@/utils/preferences';

const TRIGGER_NAMES: Readonly<Record<CardTrigger, string>> = {
  hover: 'When I rest the pointer on a term',
  'hover-with-key': 'When I rest the pointer on a term while holding a key',
  click: 'Only when I click a term',
};

const TRIGGER_HINTS: Readonly<Record<CardTrigger, string>> = {
  hover: 'After the wait below. A click keeps a card open.',
  'hover-with-key': 'Nothing opens while you just move the pointer around. A click keeps a card open.',
  click: 'A click on a term opens its card; a click elsewhere closes it. Links inside terms still work.',
};

const SIZE_NAMES: Readonly<Record<CardTextSize, string>> = { small: 'Small', normal: 'Normal', large: 'Large' };

export interface CardOpeningProps {
  preferences: Pick<HighlightPreferences, 'cardTrigger' | 'cardTriggerKey' | 'hoverDelayMs' | 'cardTextSize'>;
  onChange: (change: Partial<HighlightPreferences>) => void;
}

/** The options page's "Cards": what opens them, after how long, and how large their text is. */
export function CardOpening({ preferences, onChange }: CardOpeningProps) {
  const [delayText, setDelayText] = useState<string | null>(null);
  const commitDelay = () => {
    if (delayText === null) return;
    const value = Number(delayText);
    setDelayText(null);
    if (isHoverDelay(value)) onChange({ hoverDelayMs: value });
  };

  return (
    <>
      <fieldset class="trigger-choice">
        <legend>Open a term's card</legend>
        {CARD_TRIGGERS.map((trigger) => (
          <label key={trigger} class="mode">
            <input
              type="radio"
              name="cardTrigger"
              value={trigger}
              checked={preferences.cardTrigger === trigger}
              onChange={() => onChange({ cardTrigger: trigger })}
            />
            <span>
              <strong>{TRIGGER_NAMES[trigger]}</strong>
              <span class="muted">{TRIGGER_HINTS[trigger]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="trigger-key">
        <label for="card-trigger-key">Key to hold</label>{' '}
        <select
          id="card-trigger-key"
          name="cardTriggerKey"
          value={preferences.cardTriggerKey}
          onChange={(event) => {
            const key = CARD_TRIGGER_KEYS.find((candidate) => candidate === event.currentTarget.value);
            if (key) onChange({ cardTriggerKey: key });
          }}
        >
          {CARD_TRIGGER_KEYS.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>{' '}
        <span class="muted">(when cards open while a key is held)</span>
      </p>
      <p class="delay">
        <label for="hover-delay">Open a card after resting on a term for</label>{' '}
        <input
          id="hover-delay"
          type="number"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={HOVER_DELAY_RANGE.step}
          value={delayText ?? String(preferences.hoverDelayMs)}
          onInput={(event) => setDelayText(event.currentTarget.value)}
          onChange={commitDelay}
          onBlur={commitDelay}
        />{' '}
        ms
      </p>
      <p class="muted">
        Whatever you choose, the keyboard shortcuts for the next and previous term, the popup's "On this page" list, and
        a tap on a touch screen open cards too.
      </p>
      <fieldset class="size-choice">
        <legend>Card text size</legend>
        {CARD_TEXT_SIZES.map((size) => (
          <label key={size} class={`size-option size-${size}`}>
            <input
              type="radio"
              name="cardTextSize"
              value={size}
              checked={preferences.cardTextSize === size}
              onChange={() => onChange({ cardTextSize: size })}
            />{' '}
            {SIZE_NAMES[size]}
          </label>
        ))}
      </fieldset>
    </>
  );
}
