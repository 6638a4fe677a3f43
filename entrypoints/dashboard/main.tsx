import { render } from 'preact';
import { DashboardApp } from '@/components/DashboardApp';
import '@/components/series.css';
import { glossary } from '@/content/glossary';
import { dashboardServices } from '@/extension/research-log-dashboard';

const termNames = Object.fromEntries(glossary.map((entry) => [entry.id, entry.term]));

const root = document.getElementById('app');
if (root) render(<DashboardApp services={dashboardServices(termNames)} termNames={termNames} />, root);
