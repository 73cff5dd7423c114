/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "peitho-error.h"
#include "peitho-tag.h"
#include "peitho-tag-group.h"
#include "peitho-tag-set.h"
#include "peitho-annotation.h"
#include "peitho-annotator.h"
#include "peitho-relation.h"
#include "peitho-document.h"
#include "peitho-tei-reader.h"
#include "peitho-tei-writer.h"
#include "peitho-text-importer.h"
#include "peitho-text-import-result.h"
#include "peitho-load-result.h"
#include "peitho-csv-export.h"
#include "peitho-document-io.h"
#include "peitho-tag-set-library.h"
