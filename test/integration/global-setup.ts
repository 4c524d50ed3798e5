// Integration tests need a real engine. In CI (CI=true) a missing engine fails the run, never skips it.
import { getEngineInfo } from '../../src/engine/public';

export default async function globalSetup(): Promise<void> {
  try {
    const info = await getEngineInfo();
    process.stderr.write(`berth integration tests: engine ${info.serverVersion} (API ${info.apiVersion}) at ${info.endpoint}\n`);
  } catch (error) {
    process.stderr.write(`\nNo Docker engine for the integration tests. Run \`bash scripts/testbed.sh up\` first.\n${String(error)}\n`);
    throw error;
  }
}
