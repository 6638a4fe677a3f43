import { ABOUT_TEXT } from '@/content/about-text';
import { glossaryReviewed } from '@/content/glossary';
import { EDITORS_NOTE_LABEL, MEDICINE_SAFETY_NOTE, NOT_MEDICAL_ADVICE } from '@/content/health-notices';
import { helpLineData } from '@/content/help-lines';
import { ABOUT_ANCHOR } from '@/content/sections';
import type { Part } from '@/content/types';
import { NEW_TAB_LINK } from '@/utils/help-line-choice';
import './about-content.css';

/** '2026-12-05' → '5 December 2026', the same in every time zone. */
function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * "About this content", in the reader tab (reader.html#about): what the series is and which parts
 * are written, what the glossary is and when it was last reviewed, whose words are whose, where the
 * help lines come from, and that nothing here is medical advice.
 */
export function AboutContent({ parts }: { parts: readonly Part[] }) {
  const sources = [...helpLineData.lines, { ...helpLineData.directory, countryName: 'Every other country' }];
  return (
    <main class="reader about">
      <h1 id={ABOUT_ANCHOR} tabIndex={-1}>
        {ABOUT_TEXT.title}
      </h1>
      <p class="about-back">
        <a href={`#${parts[0]?.id ?? ''}`}>Back to the series</a>
      </p>

      <section aria-labelledby="about-series">
        <h2 id="about-series">The series</h2>
        <p>{ABOUT_TEXT.series}</p>
        <ul class="about-parts">
          {parts.map((part) => (
            <li key={part.id}>
              <a href={`#${part.id}`}>{part.heading}</a>:{' '}
              {part.status === 'published' ? 'published, here in full' : 'announced, not yet written'}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="about-glossary">
        <h2 id="about-glossary">The glossary</h2>
        <p>{ABOUT_TEXT.glossary}</p>
        <p>
          Last reviewed by the editors on <time dateTime={glossaryReviewed}>{longDate(glossaryReviewed)}</time>.
        </p>
      </section>

      <section aria-labelledby="about-words">
        <h2 id="about-words">Whose words are whose</h2>
        <p>{ABOUT_TEXT.articleWords}</p>
        <p>{ABOUT_TEXT.editorsWords} On a medicine’s card it looks like this:</p>
        <p class="about-note-sample">
          <span class="note-label">{EDITORS_NOTE_LABEL}</span>
          <span class="visually-hidden">:</span> {MEDICINE_SAFETY_NOTE}
        </p>
      </section>

      <section aria-labelledby="about-help">
        <h2 id="about-help">Help lines</h2>
        <p>{ABOUT_TEXT.helpLines}</p>
        <table class="about-sources">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Service</th>
              <th scope="col">Checked against</th>
              <th scope="col">On</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((entry) => (
              <tr key={entry.service}>
                <td>{entry.countryName}</td>
                <td>{entry.service}</td>
                <td>
                  <ul>
                    {entry.sources.map((source) => (
                      <li key={source}>
                        <a href={source} {...NEW_TAB_LINK}>
                          {new URL(source).hostname}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <time dateTime={entry.checked}>{longDate(entry.checked)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="about-advice">
        <h2 id="about-advice">Not medical advice</h2>
        <p>{ABOUT_TEXT.notAdvice}</p>
        <p class="medical-note">{NOT_MEDICAL_ADVICE}</p>
      </section>
    </main>
  );
}
