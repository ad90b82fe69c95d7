#include "tests/support/vch_bodies.h"

namespace vic::test {

nlohmann::json minimalVchBody(const std::string& name) {
  return {
      {"name", name},
      {"compute", {{"resource", {{"name", "DC0_C0"}}}}},
      {"storage", {{"image_stores", {"ds://LocalDS_0"}}}},
      {"network",
       {{"bridge", {{"ip_range", "172.16.0.0/12"}, {"port_group", {{"name", "DC0_DVPG0"}}}}},
        {"public", {{"port_group", {{"name", "VM Network"}}}}}}},
      {"auth",
       {{"server",
         {{"generate",
           {{"cname", name + ".example.com"},
            {"organization", {"VIC tests"}},
            {"size", {{"value", 2048}, {"units", "bit"}}}}}}},
        {"client", {{"no_tls_verify", true}}}}},
  };
}

}  // namespace vic::test
