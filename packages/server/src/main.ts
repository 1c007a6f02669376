import { ConfigError, loadConfig } from './config/config.js';
import { startServer } from './server.js';

/** `npm start`: configuration from the environment, then serve until SIGINT/SIGTERM. */
export async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const server = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
