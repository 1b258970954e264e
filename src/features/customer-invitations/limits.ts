/** Client-safe limits shared by the invitation forms (client) and ./schemas (server). */
export const MESSAGE_MAX = 1000;
