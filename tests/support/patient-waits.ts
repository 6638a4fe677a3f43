// DOM tests wait for what the page shows (findBy…, waitFor) up to 10 s rather than 1: they assert
// what appears, never how soon, and a loaded machine may take a while.
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 10_000 });
