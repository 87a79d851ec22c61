package org.silkroad.corridor.asset;

import org.silkroad.corridor.asset.domain.AssetKind;

import java.util.Optional;

/** Which assets a list asks for; an empty field means any. */
public record AssetFilter(Optional<AssetKind> kind, Optional<String> country) {
}
