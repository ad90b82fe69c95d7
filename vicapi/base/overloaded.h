#pragma once

namespace vic {

// One visitor from several lambdas, for std::visit: a variant alternative
// without a lambda of its own does not compile.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace vic
