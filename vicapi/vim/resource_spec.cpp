#include "vicapi/vim/resource_spec.h"

namespace vic::vim {

using soap::el;

soap::Node ResourceAllocation::node(std::string elementName) const {
  // vCenter insists on every field when creating a pool, in WSDL order.
  return el(
      std::move(elementName),
      {soap::intEl("reservation", reservation),
       soap::boolEl("expandableReservation", expandableReservation), soap::intEl("limit", limit),
       el("shares", {soap::intEl("shares", shares), el("level", sharesLevel)})});
}

ResourceAllocation ResourceAllocation::from(const soap::Node& n) {
  ResourceAllocation a;
  auto num = [&](const char* name, long long fallback) {
    const soap::Node* c = n.find(name);
    return c && !c->text.empty() ? std::stoll(c->text) : fallback;
  };
  a.reservation = num("reservation", 0);
  a.limit = num("limit", -1);
  a.expandableReservation = n.textOf("expandableReservation", "true") == "true";
  if (const soap::Node* s = n.find("shares")) {
    a.sharesLevel = s->textOf("level", "normal");
    const std::string count = s->textOf("shares", "0");
    a.shares = a.sharesLevel == "custom" ? std::stoi(count) : 0;
  }
  return a;
}

soap::Node ResourceConfigSpec::node(std::string elementName) const {
  return el(std::move(elementName), {cpu.node("cpuAllocation"), memory.node("memoryAllocation")});
}

}  // namespace vic::vim
