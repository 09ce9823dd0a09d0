/**
 * Every test file runs after the engine's lazily loaded parts are ready, as the CLI and the action make sure
 * of before they lint (`prepareEngine()`); tests that call `lintText` need not each remember it.
 */
import { prepareEngine } from '../../src/engine/lint.js';

await prepareEngine();
