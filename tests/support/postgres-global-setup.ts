import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../../server/testing/postgres-cluster';
import type {} from '../../server/testing/test-databases';

/** Starts one throwaway PostgreSQL cluster for the whole test run, and stops it afterwards. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
