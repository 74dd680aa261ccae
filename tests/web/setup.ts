import { configure } from '@testing-library/react';

/**
 * findBy* and waitFor give up after 1 s by default. The first render of a file loads the lazy route
 * modules, which on a busy two-core CI machine can take longer than that; 5 s keeps the tests about
 * what appears, not how fast a loaded machine transforms modules. Nothing that never appears passes.
 */
configure({ asyncUtilTimeout: 5_000 });
