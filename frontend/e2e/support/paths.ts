import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The frontend/ directory. */
export const FRONTEND = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = resolve(FRONTEND, 'dist');
export const BACKEND_JAR = resolve(FRONTEND, '../backend/target/live-sync-backend-1.0.0.jar');
export const SCREENSHOTS = resolve(FRONTEND, 'e2e/screenshots');
/** Throw-away SSH key pairs the backend tests also use. */
export const SSH_FIXTURES = resolve(FRONTEND, '../backend/src/test/resources/ssh');
