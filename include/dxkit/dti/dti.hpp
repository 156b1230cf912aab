#pragma once
/// Vietnam's Digital Transformation Index (DTI) and the department / district indices that
/// copy its template: ready-made frameworks in iMeta form, point scoring of sub-indicators
/// (a / b × max, steps by count, graded levels, yes / no) with self-assessed, appraised and
/// final points, and results as they are published (points / max on 0..1 with 4 decimals,
/// DTI = Σ points / total, competition ranks on the unrounded values). See docs/dti.md.
#include "dxkit/dti/points.hpp"
#include "dxkit/dti/presets.hpp"
#include "dxkit/dti/results.hpp"
#include "dxkit/dti/scores.hpp"
