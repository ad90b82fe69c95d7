#include "plugin-server/registration/plugin_files.h"

#include "vicapi/util/data_dirs.h"

#ifndef VIC_DEFAULT_PLUGIN_DIR
#define VIC_DEFAULT_PLUGIN_DIR ""
#endif

namespace vic::server {

namespace fs = std::filesystem;

PluginFiles PluginFiles::locate() {
  for (const auto& dir : dataDirCandidates("VIC_PLUGIN_DIR", VIC_DEFAULT_PLUGIN_DIR, "plugin"))
    if (fs::exists(dir / "plugin.json")) return {dir};
  return {};
}

}  // namespace vic::server
