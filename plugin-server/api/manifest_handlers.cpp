// The plug-in as vCenter fetches it (plugin.json for vSphere 7 and 8, the
// package zip for 6.7), and the page an administrator registers from.
#include "plugin-server/api/routes.h"
#include "plugin-server/httpd/http_error.h"
#include "plugin-server/httpd/static_files.h"

namespace vic::server {

extern const char* const kRegistrationPage;

void addManifestHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  handlers.set("getPluginManifest", [&ctx](Exchange& ex) {
    if (ctx.plugin.dir.empty())
      throw HttpError(404, "the plug-in was not packaged with this server (see VIC_PLUGIN_DIR)");
    sendFile(ex, ctx.plugin.manifest(), "no-cache");
  });
  handlers.set("getPluginPackage", [&ctx](Exchange& ex) {
    const std::string wanted = ctx.self.identity.packageName();
    if (ex.param("file") != wanted || ctx.plugin.dir.empty())
      throw HttpError(404,
                      "no file " + ex.param("file") + " here; this appliance serves " + wanted);
    // The name carries the version, so the file never changes under it.
    sendFile(ex, ctx.plugin.package(ctx.self.identity.pluginVersion), "max-age=86400");
  });
  handlers.set("getRegistrationPage", [](Exchange& ex) {
    ex.setHeader("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    ex.sendText(200, kRegistrationPage, "text/html; charset=utf-8");
  });
}

}  // namespace vic::server
