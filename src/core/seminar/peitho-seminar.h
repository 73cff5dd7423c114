/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The classroom seminar: assignments, readings, the seminar document and
 * the agreement between students. GTK-free. */

#include "peitho-agreement.h"
#include "peitho-alpha-unitizing.h"
#include "peitho-assignment.h"
#include "peitho-discussion.h"
#include "peitho-seminar-merge.h"
#include "peitho-text-difference.h"
