module.exports = { default: async function runAction(nango, input) {
  const parsed = await nango.zodValidateInput({ zodSchema: null, input });
  const res = await nango.post({ endpoint: "/v1/contacts", data: { name: parsed.data.name }, headers: { "Content-Type": "application/json" } });
  const connection = await nango.getConnection();
  return { id: String(res.data.id), status: res.status, region: connection.connection_config["region"], hook: await nango.getWebhookURL(), statusText: res.statusText };
} };
