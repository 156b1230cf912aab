#pragma once
/// dxkit: the whole public C++ API.
#include "dxkit/csv.hpp"
#include "dxkit/error.hpp"
#include "dxkit/evaluate.hpp"
#include "dxkit/indicator.hpp"
#include "dxkit/number.hpp"
#include "dxkit/result.hpp"
#include "dxkit/scoring.hpp"
#include "dxkit/target.hpp"
#include "dxkit/text.hpp"
#include "dxkit/version.hpp"
