module.exports = { default: async function runAction(nango) {
  if (nango.providerConfigKey !== "acme" || nango.connectionId !== undefined) throw new Error("unexpected mock identity");
  return { at: String(await nango.getToken()) };
} };
