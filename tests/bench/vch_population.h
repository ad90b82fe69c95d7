#pragma once

#include <string>

#include "vicapi/vim/client.h"

namespace vic::bench {

// Adds VCHs as vCenter sees them, endpoint VMs carrying a VCH's configuration
// (copied from `model`, a real VCH's endpoint VM), until the datacenter holds
// `total`: a thousand real creates would take minutes and measure nothing new.
void populateVchs(vim::Client& client, const vim::Moref& model, int total);

}  // namespace vic::bench
