import { render } from 'preact';
import { ReaderApp } from '@/components/ReaderApp';
import '@/components/series.css';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';

const root = document.getElementById('app');
if (root) render(<ReaderApp parts={series} glossary={glossary} />, root);
