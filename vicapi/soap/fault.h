#pragma once

#include <string>

#include "vicapi/net/errors.h"
#include "vicapi/soap/node.h"

namespace vic {

// A fault reported by vSphere, either as a SOAP fault or as a task's error.
// faultType() is the vim25 type name ("DuplicateName"); serverMessage() is
// what the server said, or a description built from the fault's fields when
// the server said nothing (vcsim often sends an empty faultstring).
class VimFault : public Error {
 public:
  VimFault(std::string faultType, std::string serverMessage, soap::Node detail, std::string what,
           ErrorCode code = ErrorCode::Internal);
  const std::string& faultType() const { return type_; }
  const std::string& serverMessage() const { return message_; }
  const soap::Node& detail() const { return detail_; }

 private:
  std::string type_;
  std::string message_;
  soap::Node detail_;
};

// The faults callers act on get their own types; the C++ hierarchy follows the
// vim25 one so that, for example, catching InvalidState also catches
// InvalidPowerState. Anything else arrives as a plain VimFault.
#define VIC_FAULT(Name, Base) \
  class Name : public Base {  \
   public:                    \
    using Base::Base;         \
  }
VIC_FAULT(NoPermissionFault, VimFault);
VIC_FAULT(NotAuthenticatedFault, NoPermissionFault);
VIC_FAULT(InvalidLoginFault, VimFault);
VIC_FAULT(DuplicateNameFault, VimFault);
VIC_FAULT(InvalidArgumentFault, VimFault);
VIC_FAULT(InvalidRequestFault, VimFault);
VIC_FAULT(MethodNotFoundFault, InvalidRequestFault);
VIC_FAULT(ManagedObjectNotFoundFault, VimFault);
VIC_FAULT(NotFoundFault, VimFault);
VIC_FAULT(InvalidStateFault, VimFault);
VIC_FAULT(InvalidPowerStateFault, InvalidStateFault);
VIC_FAULT(FileFaultBase, VimFault);
VIC_FAULT(FileNotFoundFault, FileFaultBase);
VIC_FAULT(FileAlreadyExistsFault, FileFaultBase);
VIC_FAULT(NotSupportedFault, VimFault);
VIC_FAULT(ResourceInUseFault, VimFault);
#undef VIC_FAULT

namespace soap {

// Throws the C++ type matching a vim25 fault. `context` names what was being
// done ("CreateVM_Task"), and ends up first in what().
[[noreturn]] void throwFault(const std::string& context, const std::string& faultType,
                             const std::string& serverMessage, const Node& detail);

// Reads <soapenv:Fault> (faultstring and the typed detail) and throws.
[[noreturn]] void throwSoapFault(const std::string& context, const Node& fault);

// Reads a LocalizedMethodFault (a task's info.error) and throws.
[[noreturn]] void throwMethodFault(const std::string& context, const Node& localizedFault);

}  // namespace soap
}  // namespace vic
