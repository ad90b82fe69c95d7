#pragma once

#include <Poco/Util/OptionSet.h>
#include <nlohmann/json.hpp>

#include "vicapi/cli/args.h"

namespace vic::cli {

// The original vic-machine's create flags (--compute-resource, --image-store,
// --bridge-network, --volume-store ds/path:label, ...). They are turned into
// the same JSON body the REST API takes, so that both paths validate and
// create alike.
void addCreateFlags(Poco::Util::OptionSet& options);
// The subset configure accepts: what may change after create.
void addConfigureFlags(Poco::Util::OptionSet& options);

// Writes every given flag into `body` (create starts from {}, configure from
// the VCH's current model). Throws UsageError for values of the wrong form.
void applyFlags(const Args& args, nlohmann::json& body);

}  // namespace vic::cli
