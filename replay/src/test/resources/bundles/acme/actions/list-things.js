module.exports = { default: async function runAction(nango) {
  const res = await nango.get({ endpoint: "/v1/things", params: { page: 3 } });
  return { things: res.data, noHeaders: res.headers === void 0, noStatus: res.status === void 0 };
} };
