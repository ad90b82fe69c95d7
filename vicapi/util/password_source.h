#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "vicapi/util/secret.h"

namespace vic {

// Where a command-line program may find a password, in the order it looks.
struct PasswordSources {
  std::optional<std::string> file;  // --password-file: its first line
  std::optional<std::string> flag;  // --password (or user:password@host)
  std::string flagName = "--password";
  std::string environment;  // the variable's name, e.g. VIC_PASSWORD
  std::string user;         // for the prompt and messages
  std::string target;
};

// The password from the file, the command line, the environment or, failing
// those, the terminal. A password on the command line works, but shows in
// `ps` to every user of the machine, so it earns a warning on `warnings`, as
// does a password file that others may read. Throws UsageError when there is
// no password to be had, or the file cannot be read or is empty.
Secret readPassword(const PasswordSources& sources, std::ostream& warnings);

}  // namespace vic
