#pragma once
/// Everything about budget appendices (phụ lục kinh phí) in one include: exact money
/// (money.hpp), the table and its readers (table.hpp), findings (finding.hpp), the checks
/// (check.hpp) and the roll-ups (rollup.hpp). It has no code of its own.
#include "dxkit/budget/check.hpp"
#include "dxkit/budget/finding.hpp"
#include "dxkit/budget/money.hpp"
#include "dxkit/budget/rollup.hpp"
#include "dxkit/budget/table.hpp"
