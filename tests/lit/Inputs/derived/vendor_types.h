// A library's header, found through -isystem: its classes are derived like the user's.
#pragma once
#include <string>
#include <vector>

namespace vendor {
class Reading {
public:
  Reading() = default;
  Reading(std::string sensor, double value) : sensor_(std::move(sensor)), value_(value) {}
  const std::string &sensor() const { return sensor_; }
  double value() const { return value_; }

private:
  std::string sensor_;
  double value_ = 0;
};

template <class T> struct Box {
  T content;
  std::vector<T> history;
};
} // namespace vendor
