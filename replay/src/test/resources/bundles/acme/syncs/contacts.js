// Hand-written stand-in for the esbuild bundle of projects/acme/syncs/contacts.ts (same export shape: getters on the exports object).
var __defProp = Object.defineProperty;
var __export = (target, all) => { for (var name in all) __defProp(target, name, { get: all[name], enumerable: true }); };
var contacts_exports = {};
__export(contacts_exports, { default: () => fetchData });
module.exports = contacts_exports;
async function fetchData(nango) {
  const config = { endpoint: "/v1/contacts", params: { fields: "name,email", since: void 0 }, paginate: { limit: 2 } };
  for await (const page of nango.paginate(config)) {
    const live = page.filter((c) => !c.archived).map((c) => ({ id: String(c.id), name: c.name, email: c.email ?? void 0, createdAt: new Date(c.created) }));
    await nango.batchSave(live, "Contact");
    const gone = page.filter((c) => c.archived).map((c) => ({ id: String(c.id) }));
    if (gone.length) {
      await nango.batchDelete(gone, "Contact");
    }
  }
}
