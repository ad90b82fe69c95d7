#pragma once

#include <stdexcept>
#include <string>

namespace vic::endpoint {

// A failure with the status Docker gives it; the message goes to the client
// as {"message": ...}, so it says what to do where it can.
class DockerError : public std::runtime_error {
 public:
  DockerError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

inline DockerError badRequest(const std::string& m) {
  return {400, m};
}
inline DockerError notFound(const std::string& m) {
  return {404, m};
}
inline DockerError conflict(const std::string& m) {
  return {409, m};
}
inline DockerError notModified() {
  return {304, ""};
}
// What cannot be done without a hypervisor in the container (attach, exec,
// logs of a process, stats): answered at once, never left hanging.
inline DockerError notAvailable(const std::string& what) {
  return {501, what +
                   " needs a process inside the container VM, which this VCH's containers do "
                   "not run; vSphere Integrated Containers does not implement it here"};
}

}  // namespace vic::endpoint
