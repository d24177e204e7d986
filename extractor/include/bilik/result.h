// Errors as values at module edges.
//
// No bilik library function throws across its public API: a function that can
// fail returns Status (ok or a message) or Result<T> (a value or a message).
// Messages name the file, the place and, where known, the fix; the CLI decides
// how to show them.
//
//   Result<RulePack> pack = load_rule_pack(dir);
//   if (!pack) { spdlog::error("{}", pack.error()); return 2; }
//   use(*pack);
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace bilik {

class Status {
 public:
  Status() = default;
  static Status failure(std::string message) { return Status(std::move(message)); }
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string& error() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Status failure) : state_(std::in_place_index<1>, Failure{failure.error()}) {}  // NOLINT
  static Result failure(std::string message) { return Result(Status::failure(std::move(message))); }

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const std::string& error() const { return std::get<1>(state_).message; }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }

 private:
  struct Failure {
    std::string message;
  };
  std::variant<T, Failure> state_;
};

}  // namespace bilik
