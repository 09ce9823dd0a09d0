/**
 * GitHub API stand-in for tests and the demo: a real HTTP server on 127.0.0.1 (random port) serving
 * one repository and one pull request. See README.md for the endpoints, GraphQL operations, error
 * shapes and fault controls.
 */
import { StandInServer } from './server.js';
import type { PullRequestFixture, StandIn, StandInOptions } from './types.js';

export { computePatch, parsePatch } from './diff.js';
export { SUPPORTED_GRAPHQL } from './graphql.js';
export { BODY_LIMIT, SECONDARY_RATE_LIMIT_MESSAGE } from './server.js';
export type * from './types.js';

export async function startStandIn(fixture: PullRequestFixture, options?: StandInOptions): Promise<StandIn> {
  const server = new StandInServer(fixture, options);
  await server.listen();
  return server;
}
