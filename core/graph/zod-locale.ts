import { z } from 'zod';

/**
 * Every zod message in Russian (zod ships the locale): a run step or a form must never say
 * "Invalid input: expected string, received undefined". Imported for its effect by the SDK (so
 * the server, plugins and their tests) and by the editor.
 */
z.config(z.locales.ru());
