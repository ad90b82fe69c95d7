#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace vic::server {

// The plug-in as the build packaged it: plugin.json for vSphere 7 and 8, and
// com.vmware.vic-<version>.zip for 6.7, both of this build's version.
struct PluginFiles {
  std::filesystem::path dir;

  std::filesystem::path manifest() const { return dir / "plugin.json"; }
  std::filesystem::path package(const std::string& pluginVersion) const {
    return dir / ("com.vmware.vic-" + pluginVersion + ".zip");
  }

  // $VIC_PLUGIN_DIR, else the build's own, else ../share/vic/plugin next to
  // the program. Empty when none holds plugin.json.
  static PluginFiles locate();
};

}  // namespace vic::server
