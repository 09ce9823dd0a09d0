import { run } from './main.js';

// The shell parser is a lazily loaded chunk (src/engine/shell.ts): the run loads it once it has made its first
// request, so it stays off the action's cold start (issue 5).
await run();
