/**
 * 网格化: grids below the village or community, their 网格长 and 网格员 with a status (在岗 / 临时抽调 /
 * 休假), and the grid worker's patrol log (走访/巡查) and 零报告. The township sees who has not
 * reported. Disputes found while patrolling are registered in the mediation module.
 */
@ApplicationModule(displayName = "Grid")
package com.xinfang.grid;

import org.springframework.modulith.ApplicationModule;
